// The route contracts of victims (to be filled: see route-contract.ts).
export {};
