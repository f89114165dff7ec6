// Package examples checks the Terraform configurations under examples/, which
// the documentation embeds: they must be formatted and valid against the
// provider built from this tree.
package examples
