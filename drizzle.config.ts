import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: ["./schema/tables.ts", "./schema/crawl.ts"],
  out: "./migrations",
  casing: "snake_case",
});
