import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: "es2022" },
  ssr: {
    // Native and WASM modules (database drivers, password hashing, the chart rasteriser) are
    // loaded by Node at run time, not bundled.
    external: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "@resvg/resvg-js", "drizzle-orm"],
  },
});
