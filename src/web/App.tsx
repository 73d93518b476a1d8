/** Providers, routes and the frame. */
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch } from 'wouter';
import { isApiError } from './api/client.js';
import { Layout } from './components/Layout.js';
import { WorkspaceProvider } from './components/workspace.js';
import { AuditPage } from './pages/AuditPage.js';
import { ClientPage } from './pages/ClientPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { ExitWizardPage } from './pages/ExitWizardPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ReviewPage } from './pages/ReviewPage.js';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <WorkspaceProvider>
          <Layout>
            <Switch>
              <Route path="/clients/:id/exit">{(params) => <ExitWizardPage key={params.id} clientId={params.id} />}</Route>
              <Route path="/import" component={ImportPage} />
              <Route path="/review" component={ReviewPage} />
              <Route path="/audit" component={AuditPage} />
              <Route path="/" component={DashboardPage} />
              <Route path="/clients/:id">{(params) => <ClientPage key={params.id} clientId={params.id} />}</Route>
              <Route component={NotFoundPage} />
            </Switch>
          </Layout>
        </WorkspaceProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
