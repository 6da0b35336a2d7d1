import { copyFileSync, chmodSync, constants, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AuditError } from '../errors.js';
import { registerTempPath } from './cleanup.js';
import { RefusedTarget, checkDirTarget, checkFileTarget, ensureDir, newDirMode, newFileMode, removeCreatedDirs, syncDir, tempName, writeNewFile, } from './safe-fs.js';
/** An output that cannot be written: exit 2, one line. */
export class OutputError extends AuditError {
    constructor(message, options = {}) {
        super('output', message, options);
    }
}
/** Write one file atomically (see {@link writeOutputs}). */
export function writeFileAtomic(target, content, label = target) {
    writeOutputs([{ kind: 'file', label, path: target, content }]);
}
/** Write every output, or none: see the module comment. Throws {@link OutputError}. */
export function writeOutputs(outputs) {
    stageOutputs(outputs).commit();
}
/**
 * Stage every output (checks, temporary files written and flushed); throws
 * {@link OutputError} with nothing left behind when one cannot be staged.
 * A directory output that holds another output's path is staged after it.
 */
export function stageOutputs(outputs) {
    checkDistinct(outputs);
    const ordered = [...outputs].sort((a, b) => Number(holdsAnother(a, outputs)) - Number(holdsAnother(b, outputs)));
    const staged = [];
    try {
        for (const o of ordered)
            staged.push(...withLabel(o.label, () => stage(o)));
    }
    catch (err) {
        for (const s of [...staged].reverse())
            s.abort();
        throw err;
    }
    let done = false;
    return {
        commit() {
            if (done)
                throw new Error('outputs already committed or aborted');
            done = true;
            commitAll(staged);
        },
        abort() {
            if (done)
                return;
            done = true;
            for (const s of [...staged].reverse())
                s.abort();
        },
    };
}
function commitAll(staged) {
    let committed = 0;
    try {
        for (const s of staged) {
            withLabel(s.label, () => s.commit());
            committed++;
        }
    }
    catch (err) {
        for (const s of staged.slice(0, committed).reverse()) {
            try {
                s.rollback();
            }
            catch {
                /* keep rolling back the others; a backup stays registered for removal */
            }
        }
        for (const s of [...staged].reverse())
            s.abort();
        throw err;
    }
    for (const s of staged)
        s.finish();
}
function holdsAnother(o, all) {
    if (o.kind !== 'dir')
        return false;
    const dir = path.resolve(o.dir) + path.sep;
    return all.some((x) => x !== o && (x.kind === 'file' ? path.resolve(x.path) : path.resolve(x.dir)).startsWith(dir));
}
function withLabel(label, fn) {
    try {
        return fn();
    }
    catch (err) {
        if (err instanceof OutputError)
            throw err;
        const reason = err instanceof RefusedTarget ? err.message : (err.code ?? err.message);
        throw new OutputError(`cannot write ${label}: ${reason}`, { cause: err });
    }
}
/** Two outputs naming the same path would overwrite each other. */
function checkDistinct(outputs) {
    const seen = new Map();
    for (const o of outputs) {
        const paths = o.kind === 'file' ? [o.path] : [o.dir, ...o.files.map((f) => path.join(o.dir, f.name))];
        for (const p of paths.map((x) => path.resolve(x))) {
            const other = seen.get(p);
            if (other !== undefined)
                throw new OutputError(`cannot write ${o.label}: ${p} is also the target of ${other}`);
            seen.set(p, o.label);
        }
    }
}
function stage(o) {
    if (o.kind === 'file')
        return [stageFile(o.path, o.content, o.label)];
    const dir = path.resolve(o.dir);
    if (checkDirTarget(dir) === null)
        return [stageNewDir(dir, o.files, o.label)];
    const staged = [];
    try {
        for (const f of o.files)
            staged.push(stageFile(path.join(dir, f.name), f.content, o.label, f.name));
    }
    catch (err) {
        for (const s of [...staged].reverse())
            s.abort();
        throw err;
    }
    return staged;
}
/** A file replacing (or creating) `target`; an existing file keeps its mode. */
function stageFile(target, content, label, subject = 'it') {
    const abs = path.resolve(target);
    const dir = path.dirname(abs);
    const base = path.basename(abs);
    const before = checkFileTarget(abs, subject);
    const created = ensureDir(dir);
    const tmp = tempName(dir, base, 'tmp');
    const forgetTmp = registerTempPath(tmp);
    let backup;
    let forgetBackup = () => undefined;
    let inPlace = false;
    try {
        writeNewFile(tmp, content, before ? before.mode & 0o777 : newFileMode());
    }
    catch (err) {
        rmSync(tmp, { force: true });
        forgetTmp();
        removeCreatedDirs(created);
        throw err;
    }
    return {
        label,
        commit() {
            if (checkFileTarget(abs, subject)) {
                backup = tempName(dir, base, 'old.tmp');
                forgetBackup = registerTempPath(backup);
                keepAside(abs, backup);
            }
            renameSync(tmp, abs);
            forgetTmp();
            inPlace = true;
        },
        rollback() {
            if (!inPlace)
                return;
            if (backup)
                renameSync(backup, abs);
            else
                rmSync(abs, { force: true });
            backup = undefined;
            forgetBackup();
            inPlace = false;
        },
        finish() {
            if (backup)
                rmSync(backup, { force: true });
            forgetBackup();
            syncDir(dir);
        },
        abort() {
            rmSync(tmp, { force: true });
            forgetTmp();
            // After a failed rollback the backup is the only copy of the old file: it stays.
            if (backup && !inPlace)
                rmSync(backup, { force: true });
            forgetBackup();
            removeCreatedDirs(created);
        },
    };
}
/** The old file, kept under `backup` while the new one goes in: a hard link, or a copy where links are not supported. */
function keepAside(file, backup) {
    try {
        linkSync(file, backup);
    }
    catch {
        copyFileSync(file, backup, constants.COPYFILE_EXCL);
    }
}
/** A directory that does not exist yet: written whole under a temporary name beside it, then renamed into place. */
function stageNewDir(dir, files, label) {
    const parent = path.dirname(dir);
    const created = ensureDir(parent);
    const tmp = tempName(parent, path.basename(dir), 'tmp');
    const forgetTmp = registerTempPath(tmp);
    let forget = forgetTmp;
    const drop = () => {
        rmSync(tmp, { recursive: true, force: true });
        forget();
        removeCreatedDirs(created);
    };
    try {
        mkdirSync(tmp, { mode: 0o700 });
        for (const f of files)
            writeNewFile(path.join(tmp, f.name), f.content, newFileMode());
        chmodSync(tmp, newDirMode());
        syncDir(tmp);
    }
    catch (err) {
        drop();
        throw err;
    }
    let inPlace = false;
    return {
        label,
        commit() {
            // Fails when something appeared at `dir` meanwhile (only an empty directory may be replaced).
            if (checkDirTarget(dir))
                throw new RefusedTarget('it appeared while the migration was written; not replaced');
            renameSync(tmp, dir);
            forget();
            inPlace = true;
        },
        rollback() {
            if (!inPlace)
                return;
            renameSync(dir, tmp);
            forget = registerTempPath(tmp);
            inPlace = false;
        },
        finish() {
            syncDir(parent);
        },
        abort() {
            if (!inPlace)
                drop();
        },
    };
}
//# sourceMappingURL=write-file.js.map