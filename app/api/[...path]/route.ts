import { AppError } from '@/lib/errors';
import { jsonError } from '@/lib/http/json';

// Any /api/ address no route file answers: the one JSON error body, not the HTML 404 page.
const noSuchRoute = () => jsonError(new AppError('not_found', 'There is no such API address.'));

export const GET = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
export const OPTIONS = noSuchRoute;
