import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ME_QUERY_KEY } from './app/auth/me-query.ts';
import { AppProviders, createQueryClient } from './app/providers.tsx';
import { createAppRouter } from './app/router.tsx';
import { setAuthEventHandler } from './lib/api.ts';
import './lib/i18n/index.ts';
import './styles.css';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

/** 401 anywhere → the login page (back here after); forced steps → their pages. */
setAuthEventHandler((error) => {
  const { pathname, href } = router.state.location;
  if (error.code === 'auth.password_change_required') {
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    if (pathname !== '/account/password') void router.navigate({ to: '/account/password' });
    return;
  }
  if (error.code === 'auth.second_factor_setup_required') {
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    if (pathname !== '/account/second-factor') void router.navigate({ to: '/account/second-factor' });
    return;
  }
  if (error.status === 401 && pathname !== '/login') {
    // Leave the signed-in layout before dropping the cached person it renders from.
    void router.navigate({ to: '/login', search: pathname === '/' ? {} : { redirect: href } }).then(() => queryClient.clear());
  }
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
