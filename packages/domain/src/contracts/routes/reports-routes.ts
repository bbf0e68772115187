// The route contracts of reports (to be filled: see route-contract.ts).
export {};
