//! A Cloudflare Worker (workers-rs) whose fetch handler lists the tenant's connections through
//! `idp_connections::rust_client`: `GET /connections?take=50&from=<cursor>` answers
//! `{ connections: [{ id, name, strategy }], next }`; the client's errors become their status
//! (or 502) with the error's one-line description, which never holds the credentials.

use idp_connections::rust_client::{ClientOptions, ListConnectionsParams, ManagementClient};
use serde_json::json;
use worker::{event, Context, Env, Request, Response, Result};

/// The query parameter `name` of `request`, if present.
fn query(request: &Request, name: &str) -> Option<String> {
    let url = request.url().ok()?;
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

#[event(fetch)]
async fn fetch(request: Request, env: Env, _ctx: Context) -> Result<Response> {
    if request.path() != "/connections" {
        return Response::error("not found", 404);
    }
    // AUTH0_DOMAIN in wrangler.toml; AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET as secrets.
    let domain = env.var("AUTH0_DOMAIN")?.to_string();
    let client_id = env.secret("AUTH0_CLIENT_ID")?.to_string();
    let client_secret = env.secret("AUTH0_CLIENT_SECRET")?.to_string();
    let options = ClientOptions::with_client_credentials(domain, client_id, client_secret);
    let client = match ManagementClient::new(options) {
        Ok(client) => client,
        Err(error) => return Response::error(error.to_string(), 500),
    };
    let params = ListConnectionsParams {
        take: query(&request, "take").and_then(|take| take.parse().ok()),
        from: query(&request, "from"),
        ..Default::default()
    };
    match client.connections().list(params).await {
        Ok(page) => {
            let connections: Vec<_> = page
                .items
                .iter()
                .map(|c| json!({ "id": c.id, "name": c.name, "strategy": c.strategy }))
                .collect();
            Response::from_json(&json!({ "connections": connections, "next": page.next }))
        }
        Err(error) => Response::error(error.to_string(), error.status().unwrap_or(502)),
    }
}
