import { useCurrentUser } from '@siklus/ui';
import { Navigate } from 'react-router';

/** `/` sends each role to where its work starts. */
export function HomeRedirect() {
  const me = useCurrentUser();
  return <Navigate to={me.role === 'principal' ? '/my-school' : '/dashboard'} replace />;
}
