import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: "es2022" },
  ssr: {
    // Native and WASM modules (database drivers, password hashing, the chart rasteriser) are
    // loaded by Node at run time, not bundled.
    external: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "@resvg/resvg-js"],
    // Inlined, as in the CLI's bundle (decision 074): Node loading them file by file costs
    // ~0.6 s at start (drizzle-orm's 179 KB package.json is parsed again for each module).
    // zod-to-openapi patches zod's prototype, so it comes with zod.
    noExternal: ["drizzle-orm", "zod", "@asteasolutions/zod-to-openapi"],
  },
});
