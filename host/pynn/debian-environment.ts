import { existsSync } from 'node:fs';

/** Debian's own Python, the one the `python3-*` packages install into (never another one on the PATH). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Where Debian's `python3-*` packages put their modules. */
const DIST_PACKAGES = '/usr/lib/python3/dist-packages';

/** The PyNN backends `nirmesh run --engine pynn-*` drives. */
export type PynnBackend = 'neuron' | 'brian2';

/** One thing a PyNN run needs: a file that shows it is installed, and the Debian package that installs it. */
interface Requirement {
    readonly path: string;
    readonly debianPackage: string;
}

const PYTHON: Requirement = { path: DEBIAN_PYTHON, debianPackage: 'python3' };
const PYNN: Requirement = { path: `${DIST_PACKAGES}/pyNN/__init__.py`, debianPackage: 'python3-pynn' };
const H5PY: Requirement = { path: `${DIST_PACKAGES}/h5py/__init__.py`, debianPackage: 'python3-h5py' };
const NEURON_PYTHON: Requirement = { path: `${DIST_PACKAGES}/neuron/__init__.py`, debianPackage: 'python3-neuron' };
const NEURON_LIB: Requirement = { path: '/usr/lib/nrn/libnrniv.so', debianPackage: 'neuron' };
const NRNIVMODL: Requirement = { path: '/usr/bin/nrnivmodl', debianPackage: 'neuron-dev' };
const MAKEFILE: Requirement = { path: '/usr/lib/nrn/nrnmech_makefile', debianPackage: 'neuron-dev' };
const INTERVIEWS: Requirement = { path: '/usr/include/InterViews', debianPackage: 'libinterviews-dev' };
const MPI4PY: Requirement = { path: `${DIST_PACKAGES}/mpi4py/__init__.py`, debianPackage: 'python3-mpi4py' };
const BRIAN2: Requirement = { path: `${DIST_PACKAGES}/brian2/__init__.py`, debianPackage: 'python3-brian' };

/** `mpirun` of Open MPI (Debian's `openmpi-bin`). */
export const MPIRUN = '/usr/bin/mpirun';
const OPENMPI: Requirement = { path: MPIRUN, debianPackage: 'openmpi-bin' };

/** A PyNN run cannot start on this machine: `message` names the Debian packages to install. */
export class PynnEnvironmentError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PynnEnvironmentError';
    }
}

/**
 * What a run on `backend` with `np` processes needs, by file: PyNN, h5py (the NIRData output),
 * NEURON with what compiles PyNN's mechanisms (`nrnivmodl`, its makefile, InterViews' headers),
 * mpi4py (the exported script imports it before NEURON), and `mpirun` when `np > 1`.
 */
function requirements(backend: PynnBackend, np: number): Requirement[] {
    const needs = [PYTHON, PYNN, H5PY];
    if (backend === 'neuron') needs.push(NEURON_PYTHON, NEURON_LIB, NRNIVMODL, MAKEFILE, INTERVIEWS, MPI4PY);
    else needs.push(BRIAN2);
    if (np > 1) needs.push(OPENMPI, MPI4PY);
    return needs;
}

/** The Debian packages missing for a run on `backend` with `np` processes (empty: all there). `exists` is for tests. */
export function missingPackages(backend: PynnBackend, np: number, exists: (path: string) => boolean = existsSync): string[] {
    const missing = requirements(backend, np).filter((r) => !exists(r.path)).map((r) => r.debianPackage);
    return [...new Set(missing)];
}

/** Throws a `PynnEnvironmentError` naming the packages (and the `apt-get` line) when some are missing. */
export function assertPynnEnvironment(backend: PynnBackend, np: number): void {
    const missing = missingPackages(backend, np);
    if (missing.length === 0) return;
    throw new PynnEnvironmentError(
        `PyNN on ${backend}${np > 1 ? ` with ${np} MPI processes` : ''} needs the Debian package${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` +
        ` (install: apt-get install ${missing.join(' ')})`,
    );
}
