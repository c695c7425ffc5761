// The create body written as a zod schema, the way an app without this package would write it
// (from the same spec: name rule, lengths, strategy enum, metadata limits, no unknown fields).
import { z } from 'zod';
import { STRATEGIES } from './strategies.mjs';

const NAME = /^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$/;

/** zod schema for `POST /connections`. */
export const createSchema = z
  .object({
    name: z.string().max(128).regex(NAME),
    display_name: z.string().max(128).optional(),
    strategy: z.enum(STRATEGIES),
    options: z.record(z.string(), z.unknown()).optional(),
    enabled_clients: z.array(z.string()).optional(),
    is_domain_connection: z.boolean().optional(),
    show_as_button: z.boolean().optional(),
    realms: z.array(z.string().max(255)).optional(),
    metadata: z
      .record(z.string().max(255), z.string().max(255).nullable())
      .refine((m) => Object.keys(m).length <= 10, 'metadata may have at most 10 keys')
      .optional(),
    authentication: z.object({ active: z.boolean() }).strict().optional(),
    connected_accounts: z
      .object({ active: z.boolean(), cross_app_access: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();
