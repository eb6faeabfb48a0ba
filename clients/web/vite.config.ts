import { defineConfig } from "vite";

// `npm run dev` serves the client with hot reload and forwards the API and the WebSocket to a
// platform started with scripts/run.sh; `npm run build` writes dist/, which the gateway serves at /.
export default defineConfig({
  server: {
    port: 5173,
    proxy: {
      "/api": "http://localhost:8080",
      "/ws": { target: "ws://localhost:8080", ws: true },
    },
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
});
