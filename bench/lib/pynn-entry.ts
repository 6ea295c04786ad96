// What bench/pynn-cluster.mjs bundles: the engine and the PyNN runner, in one bundle so that they
// share one engine.
export { createEngine } from '../../engine/src/index.js';
export { exportForPynn } from '../../host/pynn/run-on-pynn.js';
export { writeExportedFiles } from '../../host/write-export.js';
export { runExportedScript, compiledNrnMechanisms, missingPackages } from '../../host/pynn/index.js';
