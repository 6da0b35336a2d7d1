#!/usr/bin/env node
// After `tsc`: the expected-schema spec's JSON Schema ships at the path
// editors have been told to use (README, "Editor support"):
// dist/spec/spec.schema.json.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist/spec', { recursive: true });
copyFileSync('dist/spec-file/spec.schema.json', 'dist/spec/spec.schema.json');
