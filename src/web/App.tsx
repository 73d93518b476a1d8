/** Providers, routes and the frame. */
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch } from 'wouter';
import { isApiError } from './api/client.js';
import { Layout } from './components/Layout.js';
import { ForRole, TeamGate } from './components/team.js';
import { WorkspaceProvider } from './components/workspace.js';
import { AuditPage } from './pages/AuditPage.js';
import { ClausePage } from './pages/ClausePage.js';
import { ClientPage } from './pages/ClientPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { ExitWizardPage } from './pages/ExitWizardPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { LessonsPage } from './pages/LessonsPage.js';
import { LetterPrintPage } from './pages/LetterPrintPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ProspectPage } from './pages/ProspectPage.js';
import { PublicProspectPage } from './pages/PublicProspectPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { ScreeningPage } from './pages/ScreeningPage.js';
import { StaffReportsPage } from './pages/StaffReportsPage.js';
import { MembersPage } from './pages/team/MembersPage.js';
import { MyClientsPage } from './pages/team/MyClientsPage.js';
import { YearReviewPage } from './pages/YearReviewPage.js';

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
          <Route path="/p/:token">{(params) => <PublicProspectPage token={params.token} />}</Route>
          <Route>
            <TeamGate>
              <WorkspaceProvider>
                <Layout>
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
                </Layout>
              </WorkspaceProvider>
            </TeamGate>
          </Route>
        </Switch>
      </QueryClientProvider>
    </MantineProvider>
  );
}
