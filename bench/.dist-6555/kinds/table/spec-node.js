export {};
//# sourceMappingURL=spec-node.js.map