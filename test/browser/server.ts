/** The browser tests serve dist/ with the same static server as `npm run bench`. */
export { serveDist, type StaticServer } from "../../scripts/static-server";
