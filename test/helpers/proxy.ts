// A small HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels (https targets) and absolute-form requests (http
// targets, forwarded the way curl and undici send them), with every request logged; it can ask for credentials.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface TestProxy {
  url: string;
  /** "CONNECT host:port" or "GET http://host:port/path", in arrival order. */
  log: string[];
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** "user:password" the proxy requires (407 otherwise). */
  credentials?: string;
  /** Answer every request with this status instead of forwarding (a proxy that refuses: 403). */
  refuseWith?: number;
}

export function startProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const denied = (req: IncomingMessage): number | null => {
    if (options.refuseWith) return options.refuseWith;
    if (!options.credentials) return null;
    const expected = `Basic ${Buffer.from(options.credentials).toString('base64')}`;
    return req.headers['proxy-authorization'] === expected ? null : 407;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    log.push(`${req.method} ${req.url}`);
    const status = denied(req);
    if (status) {
      res.writeHead(status, status === 407 ? { 'proxy-authenticate': 'Basic realm="test"' } : {});
      return void res.end();
    }
    const target = new URL(req.url ?? '/');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    log.push(`CONNECT ${req.url}`);
    const status = denied(req);
    if (status) return void client.end(`HTTP/1.1 ${status} Denied\r\nContent-Length: 0\r\n\r\n`);
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const drop = (): void => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', () => {
      if (!client.destroyed && upstream.connecting) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      drop();
    });
    client.on('error', drop);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        log,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
