// The route contracts of auth (to be filled: see route-contract.ts).
export {};
