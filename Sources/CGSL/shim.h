#ifndef CCHSIM_CGSL_SHIM_H
#define CCHSIM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_psi.h>

/* Swift 6 strict concurrency rejects GSL's mutable global generator-type variables, so they are
   handed out by these inline functions instead. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

/* GSL's default error handler aborts the process. cchsim reports errors through return codes,
   so the handler is switched off once, before any GSL call that can fail. */
static inline void cgsl_disable_abort_on_error(void) { gsl_set_error_handler_off(); }

#endif
