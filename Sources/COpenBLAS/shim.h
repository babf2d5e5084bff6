#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H

/* Thin shim over Debian's OpenBLAS (libopenblas-dev) and LAPACKE (liblapacke-dev); no stable API.
   Only the Fortran-named BLAS entry points (dsyrk_, dgemm_) and LAPACKE are used: GSL's own CBLAS
   (libgslcblas) exports the cblas_* names too, so a cblas_* call could bind to either library,
   while dsyrk_ and dgemm_ exist only in OpenBLAS. */
#include <lapacke.h>

/* The two Fortran BLAS routines used, as OpenBLAS exports them (32-bit integers; f77blas.h is not
   included: its LAPACK prototypes clash with lapack.h's). */
void dsyrk_(const char *uplo, const char *trans, const int *n, const int *k, const double *alpha,
            const double *a, const int *lda, const double *beta, double *c, const int *ldc);
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc);

/* OpenBLAS's thread count (declared in its cblas.h, which is not included: its cblas_* prototypes
   would clash with GSL's in a Swift file importing both modules). */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

#endif
