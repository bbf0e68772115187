export { logout } from './api/auth-api.ts';
export { LoginPage } from './pages/login-page.tsx';
