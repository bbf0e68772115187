// The route contracts of health (to be filled: see route-contract.ts).
export {};
