/** Types of dev-server.js, the dev server's settings (a plain Node script webpack.config.js loads). */
export function allowedOrigin(origin: string | undefined, pathname: string): string | undefined;
export function devServerOptions(options: {
  root: string;
  https: object;
  port: number;
  host?: string;
}): Record<string, unknown>;
