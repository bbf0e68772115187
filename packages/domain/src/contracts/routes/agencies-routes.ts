// The route contracts of agencies (to be filled: see route-contract.ts).
export {};
