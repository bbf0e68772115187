// The route contracts of victim-records (to be filled: see route-contract.ts).
export {};
