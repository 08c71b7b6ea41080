import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listenStream } from '../../../../main/connectors/syslog/tcp';

describe('syslog TCP listener limits', () => {
  it('refuses more than 64 connections from one address, and keeps serving the others', async () => {
    const warnings: string[] = [];
    const frames: string[] = [];
    const listener = await listenStream(
      { host: '127.0.0.1', port: 0, maxMessageBytes: 8192 },
      {
        onFrame: (frame) => frames.push(String((frame as { text?: string }).text ?? frame)),
        onWarning: (message) => warnings.push(message),
      },
    );
    const { port } = listener.address();
    const open = () =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 64; i += 1) sockets.push(await open());
      const extra = await open();
      const closed = await new Promise<boolean>((resolve) => {
        extra.once('close', () => resolve(true));
        setTimeout(() => resolve(false), 2000);
      });
      expect(closed).toBe(true);
      expect(warnings.some((w) => w.includes('more than 64 connections'))).toBe(true);
      // An existing connection still delivers.
      sockets[0]!.write('<13>1 2025-01-01T00:00:00Z host app - - - hello\n');
      await expect.poll(() => frames.length).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      listener.close();
    }
  });
});
