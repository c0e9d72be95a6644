// The process-wide services (database, configuration). The CLI sets them once at boot; the
// built React Router bundle reads them. A Symbol.for key makes both module graphs (source run
// by Node, bundle built by Vite) see the same object. See docs/decisions/005.
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import type { ReplicaLink } from "./db/read-replica.ts";
import type { ReadAndParse } from "./report-reader/read-and-parse.ts";

export type Services = {
  db: Db;
  /**
   * The standby of DATABASE_READ_URL (falling back to `db`), or `db` without one. Requests
   * reach it only through app/web/read-db.server.ts, which applies decision 056's rule.
   */
  readDb?: Db;
  replica?: ReplicaLink | null;
  config: Config;
  engine: "pglite" | "postgres";
  /** How uploads are read and parsed: in a worker thread under `busola serve`. */
  readReport?: ReadAndParse;
};

const KEY = Symbol.for("busola.services");
type Holder = { [KEY]?: Services };

export function setServices(services: Services): void {
  (globalThis as Holder)[KEY] = services;
}

export function getServices(): Services {
  const services = (globalThis as Holder)[KEY];
  if (!services)
    throw new Error("Busola services are not initialised: start the server with `busola serve`.");
  return services;
}
