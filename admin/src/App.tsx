// Routes the person to the right screen from the session: sign-in, the pending sign-in step,
// one-time recovery codes, or the app itself with the entries their role can use.
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorAlert } from './components/ErrorAlert';
import { Loading } from './components/Loading';
import { AuthLayout } from './auth/AuthLayout';
import { MfaEnrolment } from './auth/MfaEnrolment';
import { PasswordChangePage } from './auth/PasswordChangeForm';
import { RecoveryCodes } from './auth/RecoveryCodes';
import { SecondFactorPage } from './auth/SecondFactorPage';
import { SignInPage } from './auth/SignInPage';
import { applySession, refreshSession } from './api/auth';
import { AuthProvider, useAuth, useMe, useSessionQuery } from './auth/session';
import type { Pending } from './api/client';
import { useDocumentLanguage, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { RequireRole } from './layout/RequireRole';
import { canOpen, ROUTE_ROLES, type RoutePattern } from './layout/access';
import type { ReactNode } from 'react';
import { NotFoundPage } from './pages/NotFoundPage';
import { HomePage } from './pages/home/HomePage';
import { AgenciesPage } from './pages/agencies/AgenciesPage';
import { AgencyPage } from './pages/agencies/AgencyPage';
import { NewAgencyPage } from './pages/agencies/NewAgencyPage';
import { UsersPage } from './pages/users/UsersPage';
import { UserPage } from './pages/users/UserPage';
import { NewUserPage } from './pages/users/NewUserPage';
import { SessionsPage } from './pages/SessionsPage';
import { ApiClientsPage } from './pages/ApiClientsPage';
import { TokensPage } from './pages/TokensPage';
import { AuditPage } from './pages/AuditPage';
import { UsagePage } from './pages/usage/UsagePage';
import { WebhooksPage } from './pages/webhooks/WebhooksPage';
import { ProfilePage } from './pages/ProfilePage';
import { ItemsPage } from './pages/content/ItemsPage';
import { ItemEditorPage, NewItemPage } from './pages/content/ItemEditorPage';
import { HistoryPage } from './pages/content/HistoryPage';
import { AppraisalQueuePage } from './pages/content/AppraisalQueuePage';
import { AppraisalPage } from './pages/content/AppraisalPage';
import { TopicsPage } from './pages/content/TopicsPage';
import { HighlightsPage } from './pages/content/HighlightsPage';
import { FreshnessPage } from './pages/content/FreshnessPage';
import { ImportPage } from './pages/content/ImportPage';
import { SearchPage } from './pages/content/SearchPage';
import { MediaLibraryPage } from './pages/media/MediaLibraryPage';
import { MediaDetailPage } from './pages/media/MediaDetailPage';
import { CasesPage } from './pages/cases/CasesPage';
import { NewCasePage } from './pages/cases/NewCasePage';
import { CasePage } from './pages/cases/CasePage';
import { CaseFiguresPage } from './pages/cases/CaseFiguresPage';

/** A screen behind its role check (the roles come from the one table in layout/access). */
const gated = (pattern: RoutePattern, element: ReactNode) => <RequireRole roles={ROUTE_ROLES[pattern]}>{element}</RequireRole>;

const PENDING_PATHS: Record<NonNullable<Pending>, string> = {
  mfa: '/sign-in/second-factor',
  password_change: '/sign-in/password',
  mfa_enrolment: '/sign-in/two-factor-setup',
};

// Where to go once signed in: only a page the person opened themselves (typed, bookmarked or
// followed a link) while signed out in this tab — never one reached by Back after a sign-out.
let returnTo = '/';
// Whether this document was loaded by a history move (Back/Forward), so its address is not a choice.
const loadedByHistory = (() => {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type === 'back_forward';
  } catch {
    return false;
  }
})();
// Only the first address the app sees counts as "opened deliberately"; later ones are in-app moves.
let firstView = true;

export function App() {
  useDocumentLanguage();
  const q = useSessionQuery();
  if (q.data === undefined) {
    if (q.isError)
      return (
        <AuthLayout title="TTDN">
          <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        </AuthLayout>
      );
    return <Loading full />;
  }
  return (
    <AuthProvider state={q.data}>
      <Screens />
    </AuthProvider>
  );
}

function Screens() {
  const { state, recoveryCodes, showRecoveryCodes } = useAuth();
  const { t } = useI18n();

  if (recoveryCodes) {
    return (
      <AuthLayout title={t('auth.recovery.title')} wide>
        <RecoveryCodes
          codes={recoveryCodes}
          onDone={async () => {
            // Fetch the new state first: the cached one still says "enrolment pending".
            await refreshSession({ wait: true });
            showRecoveryCodes(null);
          }}
        />
      </AuthLayout>
    );
  }

  if (!state) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<ToSignIn />} />
      </Routes>
    );
  }

  if (state.pending) {
    const path = PENDING_PATHS[state.pending];
    const screen =
      state.pending === 'mfa' ? (
        <SecondFactorPage />
      ) : state.pending === 'password_change' ? (
        <AuthLayout title={t('auth.password.title')}>
          <PasswordChangePage onChanged={applySession} />
        </AuthLayout>
      ) : (
        <AuthLayout title={t('auth.enrol.title')} wide>
          <EnrolmentIntro />
          <MfaEnrolment onConfirmed={showRecoveryCodes} />
        </AuthLayout>
      );
    return (
      <Routes>
        <Route path={path} element={screen} />
        <Route path="*" element={<Navigate to={path} replace />} />
      </Routes>
    );
  }

  firstView = false;
  return (
    <Routes>
      <Route path="/sign-in/*" element={<AfterSignIn />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="agencies" element={gated('/agencies', <AgenciesPage />)} />
        <Route path="agencies/new" element={gated('/agencies/new', <NewAgencyPage />)} />
        <Route path="agencies/:id" element={gated('/agencies/:id', <AgencyPage />)} />
        <Route path="users" element={gated('/users', <UsersPage />)} />
        <Route path="users/new" element={gated('/users/new', <NewUserPage />)} />
        <Route path="users/:id" element={gated('/users/:id', <UserPage />)} />
        <Route path="sessions" element={gated('/sessions', <SessionsPage />)} />
        <Route path="api-clients" element={gated('/api-clients', <ApiClientsPage />)} />
        <Route path="tokens" element={gated('/tokens', <TokensPage />)} />
        <Route path="audit" element={gated('/audit', <AuditPage />)} />
        <Route path="usage" element={gated('/usage', <UsagePage />)} />
        <Route path="webhooks" element={gated('/webhooks', <WebhooksPage />)} />
        <Route path="profile" element={gated('/profile', <ProfilePage />)} />
        <Route path="items" element={gated('/items', <ItemsPage />)} />
        <Route path="items/new" element={gated('/items/new', <NewItemPage />)} />
        <Route path="items/:versionId" element={gated('/items/:versionId', <ItemEditorPage />)} />
        <Route path="items/:versionId/history" element={gated('/items/:versionId/history', <HistoryPage />)} />
        <Route path="appraisal" element={gated('/appraisal', <AppraisalQueuePage />)} />
        <Route path="appraisal/:versionId" element={gated('/appraisal/:versionId', <AppraisalPage />)} />
        <Route path="topics" element={gated('/topics', <TopicsPage />)} />
        <Route path="highlights" element={gated('/highlights', <HighlightsPage />)} />
        <Route path="freshness" element={gated('/freshness', <FreshnessPage />)} />
        <Route path="import" element={gated('/import', <ImportPage />)} />
        <Route path="search" element={gated('/search', <SearchPage />)} />
        <Route path="media" element={gated('/media', <MediaLibraryPage />)} />
        <Route path="media/:id" element={gated('/media/:id', <MediaDetailPage />)} />
        <Route path="cases" element={gated('/cases', <CasesPage />)} />
        <Route path="cases/new" element={gated('/cases/new', <NewCasePage />)} />
        <Route path="cases/figures" element={gated('/cases/figures', <CaseFiguresPage />)} />
        <Route path="cases/:id" element={gated('/cases/:id', <CasePage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function EnrolmentIntro() {
  const { t } = useI18n();
  return (
    <p style={{ marginTop: 0 }}>
      <strong>{t('auth.enrol.forced')}</strong>
    </p>
  );
}

function ToSignIn() {
  const location = useLocation();
  const { notice } = useAuth();
  if (firstView) {
    // The address this tab was opened at, unless it came from Back/Forward or is the sign-in page.
    firstView = false;
    returnTo = !loadedByHistory && !notice && !location.pathname.startsWith('/sign-in') ? location.pathname + location.search : '/';
  } else if (notice) {
    // After a sign-out or an ended session the next person starts at home, not where the last one left.
    returnTo = '/';
  }
  return <Navigate to="/sign-in" replace />;
}

function AfterSignIn() {
  const { role } = useMe();
  const to = returnTo;
  returnTo = '/';
  firstView = false;
  const path = to.split('?')[0] ?? '/';
  return <Navigate to={path !== '/' && canOpen(path, role) ? to : '/'} replace />;
}
