// A clamd stand-in for the tests: a TCP (or unix socket) server that speaks INSTREAM, reassembles
// the chunks and reports the EICAR test string as found.
import { createServer, type AddressInfo, type Socket } from 'node:net';

// The EICAR test string, assembled at run time so that this source file itself is not flagged by scanners.
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-', 'ANTIVIRUS-TEST-FILE!$H+H*'].join('');

export type Behaviour = 'scan' | 'silent' | { errorAtEnd: string } | { limitBytes: number };

export interface Scan {
  data: Buffer;
  chunkSizes: number[];
}

/** A clamd stand-in. Each finished INSTREAM exchange is recorded in `scans`. */
export async function fakeClamd(behaviour: Behaviour = 'scan', socketPath?: string) {
  const scans: Scan[] = [];
  const server = createServer((socket) => serve(socket, behaviour, scans));
  await new Promise<void>((r) => (socketPath ? server.listen(socketPath, r) : server.listen(0, '127.0.0.1', r)));
  const url = socketPath ? `unix:${socketPath}` : `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, scans, server };
}

function serve(socket: Socket, behaviour: Behaviour, scans: Scan[]) {
  let buffered = Buffer.alloc(0);
  let commandSeen = false;
  let finished = false;
  const chunks: Buffer[] = [];
  let total = 0;
  const answer = (text: string) => {
    finished = true;
    // end(), not destroy(): the client may still be sending, and reading on avoids a reset that would lose the answer
    socket.end(`${text}\0`);
  };
  socket.on('error', () => {});
  socket.on('data', (data: Buffer) => {
    if (finished) return;
    buffered = Buffer.concat([buffered, data]);
    if (!commandSeen) {
      if (buffered.length < 10) return;
      if (buffered.subarray(0, 10).toString('latin1') !== 'zINSTREAM\0') return answer('UNKNOWN COMMAND');
      commandSeen = true;
      buffered = buffered.subarray(10);
    }
    while (buffered.length >= 4) {
      const length = buffered.readUInt32BE(0);
      if (length === 0) {
        const scan = { data: Buffer.concat(chunks), chunkSizes: chunks.map((c) => c.length) };
        scans.push(scan);
        if (behaviour === 'silent') return void (finished = true);
        if (typeof behaviour === 'object' && 'errorAtEnd' in behaviour) return answer(behaviour.errorAtEnd);
        return answer(scan.data.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK');
      }
      if (buffered.length < 4 + length) return;
      chunks.push(Buffer.from(buffered.subarray(4, 4 + length)));
      buffered = buffered.subarray(4 + length);
      total += length;
      if (typeof behaviour === 'object' && 'limitBytes' in behaviour && total > behaviour.limitBytes) {
        return answer('INSTREAM size limit exceeded. ERROR');
      }
    }
  });
}
