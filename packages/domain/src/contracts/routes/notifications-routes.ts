// The route contracts of notifications (to be filled: see route-contract.ts).
export {};
