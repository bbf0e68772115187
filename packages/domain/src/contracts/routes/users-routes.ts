// The route contracts of users (to be filled: see route-contract.ts).
export {};
