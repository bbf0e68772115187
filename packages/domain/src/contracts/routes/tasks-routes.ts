// The route contracts of tasks (to be filled: see route-contract.ts).
export {};
