// Inputs shared by every benchmark, so each library sees exactly the same data.

/** A realistic `POST /connections` body: a SAML enterprise connection as a console would send it. */
export const createBody = Object.freeze({
  name: 'acme-saml-sso',
  display_name: 'Acme Corp SSO',
  strategy: 'samlp',
  options: {
    signInEndpoint: 'https://idp.acme.example/sso/saml',
    signOutEndpoint: 'https://idp.acme.example/slo/saml',
    signatureAlgorithm: 'rsa-sha256',
    digestAlgorithm: 'sha256',
    fieldsMap: { email: 'mail', given_name: 'givenName' },
    domain_aliases: ['acme.example', 'acme-corp.example'],
  },
  enabled_clients: ['x1y2z3AbCdEfGhIjKlMnOpQrStUvWxYz', 'a9b8c7AbCdEfGhIjKlMnOpQrStUvWxYz'],
  is_domain_connection: false,
  show_as_button: true,
  realms: ['acme-saml-sso'],
  metadata: { team: 'identity', tier: 'gold', owner: 'alice@acme.example' },
});

/** The body as a form holds it mid-edit: one rule broken (the name), so every validator reports. */
export const brokenBody = Object.freeze({ ...createBody, name: 'acme--saml' });

/** The same body as a Worker receives it: JSON text. */
export const createBodyText = JSON.stringify(createBody);

/** Connection names for the name-check benchmark: valid and invalid, short and long. */
export const names = [
  'acme-saml-sso',
  'Username-Password-Authentication',
  'bad--name',
  '-leading',
  'x'.repeat(128),
  'ünïcode',
];
