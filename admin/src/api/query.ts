// One TanStack Query client for the app; the session lives in it under SESSION_KEY.
import { QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from './client';

export const SESSION_KEY = ['session'] as const;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Refusals (4xx) are answers, not glitches: retry only network trouble and 5xx.
      retry: (count, error) => {
        if (error instanceof ApiError) return error.status >= 500 && count < 2;
        return error instanceof NetworkError && count < 2;
      },
    },
    mutations: { retry: false },
  },
});
