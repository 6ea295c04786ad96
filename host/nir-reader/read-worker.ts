// The `.nir` reader worker (bundled as dist/nir-read-worker.cjs): reads each file it is sent with
// the engine's HDF5 reader in this thread's own h5wasm module and replies with the result and the
// module's wear, so the server can retire a worn module (see worker-nir-reader.ts).
import { parentPort } from 'node:worker_threads';
import { hdf5ModuleWear, readNirFile } from '../../engine/src/index.js';
import { registerShippedHdf5Plugins } from '../hdf5-plugins.js';
import type { NirReadReply, NirReadRequest } from './protocol.js';

registerShippedHdf5Plugins();
parentPort?.on('message', (request: NirReadRequest) => {
    void readNirFile(request.bytes, { lenient: request.lenient }).then((result) => {
        const reply: NirReadReply = { id: request.id, result, wear: hdf5ModuleWear() };
        parentPort?.postMessage(reply);
    });
});
