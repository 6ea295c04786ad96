#!/usr/bin/env node
// The installed `nirmesh` command: the CLI bundle that `npm install` builds (the `prepare` script).
require('../dist/cli.cjs');
