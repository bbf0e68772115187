export { UnderConstructionPage, type PlannedModule } from './pages/under-construction-page.tsx';
