export {};
//# sourceMappingURL=introspector.js.map