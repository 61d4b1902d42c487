/** Types of static-server.js (a plain Node script that the bench loads too). */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}
export function serveDist(root?: string, pages?: Readonly<Record<string, string>>): Promise<StaticServer>;
