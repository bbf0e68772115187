// The route contracts of periods (to be filled: see route-contract.ts).
export {};
