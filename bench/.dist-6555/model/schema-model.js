export {};
//# sourceMappingURL=schema-model.js.map