// The route contracts of plans (to be filled: see route-contract.ts).
export {};
