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
import { applySession, AuthProvider, useAuth, useSessionQuery } from './auth/session';
import { queryClient, SESSION_KEY } from './api/query';
import type { Pending } from './api/client';
import { useDocumentLanguage, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { RequireRole } from './layout/RequireRole';
import type { Role } from './auth/session';
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
import { ProfilePage } from './pages/ProfilePage';
import { ItemsPage } from './pages/content/ItemsPage';
import { ItemEditorPage, NewItemPage } from './pages/content/ItemEditorPage';
import { HistoryPage } from './pages/content/HistoryPage';
import { AppraisalQueuePage } from './pages/content/AppraisalQueuePage';
import { AppraisalPage } from './pages/content/AppraisalPage';
import { TopicsPage } from './pages/content/TopicsPage';
import { FreshnessPage } from './pages/content/FreshnessPage';
import { ImportPage } from './pages/content/ImportPage';
import { SearchPage } from './pages/content/SearchPage';

const WORKING: Role[] = ['contributor', 'appraiser', 'admin', 'security'];
const APPRAISAL: Role[] = ['appraiser', 'admin', 'security'];

const PENDING_PATHS: Record<NonNullable<Pending>, string> = {
  mfa: '/sign-in/second-factor',
  password_change: '/sign-in/password',
  mfa_enrolment: '/sign-in/two-factor-setup',
};

// Where to go once signed in (the page that sent the person to sign in).
let returnTo = '/';

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
            await queryClient.refetchQueries({ queryKey: SESSION_KEY });
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

  return (
    <Routes>
      <Route path="/sign-in/*" element={<AfterSignIn />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="agencies" element={<RequireRole roles={['admin', 'appraiser', 'security']}><AgenciesPage /></RequireRole>} />
        <Route path="agencies/new" element={<RequireRole roles={['admin']}><NewAgencyPage /></RequireRole>} />
        <Route path="agencies/:id" element={<AgencyPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/new" element={<RequireRole roles={['admin']}><NewUserPage /></RequireRole>} />
        <Route path="users/:id" element={<UserPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="api-clients" element={<RequireRole roles={['admin', 'security']}><ApiClientsPage /></RequireRole>} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="audit" element={<RequireRole roles={['admin', 'security']}><AuditPage /></RequireRole>} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="items" element={<RequireRole roles={WORKING}><ItemsPage /></RequireRole>} />
        <Route path="items/new" element={<RequireRole roles={['contributor', 'appraiser']}><NewItemPage /></RequireRole>} />
        <Route path="items/:versionId" element={<RequireRole roles={WORKING}><ItemEditorPage /></RequireRole>} />
        <Route path="items/:versionId/history" element={<RequireRole roles={WORKING}><HistoryPage /></RequireRole>} />
        <Route path="appraisal" element={<RequireRole roles={APPRAISAL}><AppraisalQueuePage /></RequireRole>} />
        <Route path="appraisal/:versionId" element={<RequireRole roles={APPRAISAL}><AppraisalPage /></RequireRole>} />
        <Route path="topics" element={<RequireRole roles={['appraiser', 'admin']}><TopicsPage /></RequireRole>} />
        <Route path="freshness" element={<RequireRole roles={WORKING}><FreshnessPage /></RequireRole>} />
        <Route path="import" element={<RequireRole roles={['contributor', 'appraiser']}><ImportPage /></RequireRole>} />
        <Route path="search" element={<SearchPage />} />
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
  // After a deliberate sign-out the next person starts at home, not where the last one left.
  if (notice === 'signedOut') returnTo = '/';
  else if (!location.pathname.startsWith('/sign-in')) returnTo = location.pathname + location.search;
  return <Navigate to="/sign-in" replace />;
}

function AfterSignIn() {
  const to = returnTo;
  returnTo = '/';
  return <Navigate to={to} replace />;
}
