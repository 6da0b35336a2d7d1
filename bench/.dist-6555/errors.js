export class AuditError extends Error {
    code;
    meta;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.code = code;
        this.meta = options.meta ?? {};
    }
}
/** Bad flags, bad values, a file that cannot be read or written. */
export class UsageError extends AuditError {
    constructor(message, options = {}) {
        super('usage', message, options);
    }
}
/** A spec, ignore rule or severity override that cannot be used. */
export class InvalidSpecError extends AuditError {
    constructor(message, options = {}) {
        super('spec', message, options);
    }
}
/** The database cannot be reached, or refused us. */
export class ConnectionError extends AuditError {
    constructor(message, options = {}) {
        super('connection', message, options);
    }
}
/** Connected, but the catalog could not be read (timeout, permission, ...). */
export class IntrospectionError extends AuditError {
    constructor(message, options = {}) {
        super('introspection', message, options);
    }
}
/** An embedded scratch server could not be started. */
export class ServerError extends AuditError {
    constructor(message, options = {}) {
        super('server', message, options);
    }
}
//# sourceMappingURL=errors.js.map