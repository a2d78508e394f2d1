import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/** Serves a fetch-style handler (a yoga) over real HTTP on 127.0.0.1, closed after the test file. */
export async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
