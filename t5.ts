import { extract } from "./workers/extract";
const r = extract({ body: process.argv[2], kind: "text" });
console.log(r.lang, JSON.stringify(r.people), JSON.stringify(r.quotes));
