import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: "es2022" },
  ssr: {
    // Native and WASM database drivers are loaded by Node at run time, not bundled.
    external: ["@electric-sql/pglite", "pg", "@node-rs/argon2", "drizzle-orm"],
  },
});
