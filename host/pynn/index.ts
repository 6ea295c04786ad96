/**
 * Running exported PyNN scripts (`nirmesh export --to pynn`) on this machine: the Debian packages
 * they need, PyNN's NEURON mechanisms compiled once into a cache, and `mpirun` (docs/cluster.md).
 *
 * Folder invariants:
 * - Debian's Python (`/usr/bin/python3`) always, never another one on the PATH.
 * - Nothing is written under /usr: the mechanisms compile into `$XDG_CACHE_HOME/nirmesh/nrn`
 *   (else `~/.cache/nirmesh/nrn`), through a NRNHOME folder of links to Debian's files, in a
 *   staging folder renamed into place, so concurrent first runs do not race.
 * - A missing package is a `PynnEnvironmentError` naming the Debian packages; a failing script a
 *   `ScriptFailed` with the tail of its stderr; a stopped run kills `mpirun`'s whole process group.
 */
export { assertPynnEnvironment, missingPackages, PynnEnvironmentError, DEBIAN_PYTHON, type PynnBackend } from './debian-environment.js';
export { compiledNrnMechanisms, nrnCacheRoot } from './nrn-mechanisms.js';
export { launchCommand, type LaunchCommand } from './launch-command.js';
export { parseScriptResult, RESULT_PREFIX, type ScriptResult } from './nirmesh-result.js';
export { runExportedScript, ScriptFailed, ScriptStopped, type ScriptRun } from './run-script.js';
