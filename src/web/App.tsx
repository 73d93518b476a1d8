/** Providers, routes and the frame. */
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch } from 'wouter';
import { isApiError } from './api/client.js';
import { Layout } from './components/Layout.js';
import { lazyNamed, PageSlot } from './components/lazy-route.js';
import { ForRole, TeamGate } from './components/team.js';
import { WorkspaceProvider } from './components/workspace.js';

// Each page is its own chunk, fetched when first opened: the frame above stays loaded, and the
// prospect's public form (/p/:token) does not carry the signed-in app.
const AuditPage = lazyNamed(() => import('./pages/AuditPage.js'), 'AuditPage');
const ClausePage = lazyNamed(() => import('./pages/ClausePage.js'), 'ClausePage');
const ClientPage = lazyNamed(() => import('./pages/ClientPage.js'), 'ClientPage');
const DashboardPage = lazyNamed(() => import('./pages/DashboardPage.js'), 'DashboardPage');
const ExitWizardPage = lazyNamed(() => import('./pages/ExitWizardPage.js'), 'ExitWizardPage');
const ImportPage = lazyNamed(() => import('./pages/ImportPage.js'), 'ImportPage');
const LessonsPage = lazyNamed(() => import('./pages/LessonsPage.js'), 'LessonsPage');
const LetterPrintPage = lazyNamed(() => import('./pages/LetterPrintPage.js'), 'LetterPrintPage');
const MembersPage = lazyNamed(() => import('./pages/team/MembersPage.js'), 'MembersPage');
const MyClientsPage = lazyNamed(() => import('./pages/team/MyClientsPage.js'), 'MyClientsPage');
const NotFoundPage = lazyNamed(() => import('./pages/NotFoundPage.js'), 'NotFoundPage');
const ProspectPage = lazyNamed(() => import('./pages/ProspectPage.js'), 'ProspectPage');
const PublicProspectPage = lazyNamed(() => import('./pages/PublicProspectPage.js'), 'PublicProspectPage');
const ReviewPage = lazyNamed(() => import('./pages/ReviewPage.js'), 'ReviewPage');
const ScreeningPage = lazyNamed(() => import('./pages/ScreeningPage.js'), 'ScreeningPage');
const StaffReportsPage = lazyNamed(() => import('./pages/StaffReportsPage.js'), 'StaffReportsPage');
const YearReviewPage = lazyNamed(() => import('./pages/YearReviewPage.js'), 'YearReviewPage');

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
        <Switch>
          {/* The prospect's own form: no sign-in, no workspace, nothing of the user's data (issue 8). */}
          <Route path="/p/:token">
            {(params) => (
              <PageSlot>
                <PublicProspectPage token={params.token} />
              </PageSlot>
            )}
          </Route>
          <Route>
            <TeamGate>
              <WorkspaceProvider>
                <Layout>
                  <PageSlot>
                    <Switch>
                      <Route path="/screening/:id">{(params) => <ProspectPage key={params.id} prospectId={params.id} />}</Route>
                      <Route path="/screening" component={ScreeningPage} />
                      <Route path="/lessons" component={LessonsPage} />
                      <Route path="/clients/:id/exit">{(params) => <ExitWizardPage key={params.id} clientId={params.id} />}</Route>
                      <Route path="/clients/:id/letters/:draftId/print">
                        {(params) => <LetterPrintPage key={params.draftId} clientId={params.id} draftId={params.draftId} />}
                      </Route>
                      <Route path="/import" component={ImportPage} />
                      <Route path="/review" component={ReviewPage} />
                      {/* /review is the suggestions queue, so the yearly review has its own path (issue 8). */}
                      <Route path="/year-review/:year">{(params) => <YearReviewPage key={params.year} yearText={params.year} />}</Route>
                      <Route path="/clause" component={ClausePage} />
                      <Route path="/reports" component={StaffReportsPage} />
                      <Route path="/team" component={MembersPage} />
                      <Route path="/audit" component={AuditPage} />
                      <Route path="/">
                        <ForRole member={<MyClientsPage />}>
                          <DashboardPage />
                        </ForRole>
                      </Route>
                      <Route path="/clients/:id">{(params) => <ClientPage key={params.id} clientId={params.id} />}</Route>
                      <Route component={NotFoundPage} />
                    </Switch>
                  </PageSlot>
                </Layout>
              </WorkspaceProvider>
            </TeamGate>
          </Route>
        </Switch>
      </QueryClientProvider>
    </MantineProvider>
  );
}
