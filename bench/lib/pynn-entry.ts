// What bench/pynn-cluster.mjs bundles: the engine and the PyNN runner, in one bundle so that they
// share one engine.
export { createEngine } from '../../engine/src/index.js';
export { exportForPynn, writeExport } from '../../host/pynn/run-on-pynn.js';
export { runExportedScript, compiledNrnMechanisms, missingPackages } from '../../host/pynn/index.js';
